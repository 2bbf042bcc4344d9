"""Pure computations over a loaded charter: what the site shows beyond the files themselves."""
