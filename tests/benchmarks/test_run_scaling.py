"""run.py --scaling's sizes and growth exponents (never a time: the benchmark is not a test)."""

from __future__ import annotations

import pytest

from support import benchmark_script


run = benchmark_script("run")


def test_partners_double_up_to_the_largest_which_is_measured_last():
    assert run.scaling_sizes(50, 2000) == [50, 100, 200, 400, 800, 1600, 2000]
    assert run.scaling_sizes(50, 800) == [50, 100, 200, 400, 800]
    assert run.scaling_sizes(50, 50) == [50]


def test_the_exponent_is_log2_of_the_ratio_per_doubling():
    assert run.exponent(1.0, 2.0, 2) == pytest.approx(1.0)  # linear
    assert run.exponent(1.0, 4.0, 2) == pytest.approx(2.0)  # quadratic
    assert run.exponent(10.0, 10.0 * 1.25 ** 2, 1.25) == pytest.approx(2.0)  # 1,600 -> 2,000


def test_a_sites_figures_are_its_bytes_its_largest_page_and_its_pages(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(b"x" * 3000)
    (tmp_path / "index.html").write_bytes(b"x" * 1000)
    (tmp_path / "search_index.json").write_bytes(b"x" * 6000)
    assert run.site_figures(tmp_path) == (0.01, 3.0, "a/", 2)


def test_the_scaling_report_says_what_grew_faster_than_the_coalition():
    def figures(cpu, site, largest):
        return run.SiteFigures(cpu, cpu, 100.0, site, largest, "vitality/", 10)

    rows = [run.ScaleRow(50, "internal", figures(2.0, 10.0, 100.0), figures(1.0, 5.0, 30.0), None, 0.1, 0.4),
            run.ScaleRow(100, "internal", figures(8.0, 20.0, 150.0), figures(2.0, 10.0, 30.0), None, 0.2, 0.5)]
    text = run.scaling_report(rows, years=5, repeat=1)
    assert "  internal: linear (each doubling at most doubles the build, the site and the largest " \
           "page: every exponent <= 1): the largest is 2.00 -> MISSED" in text
    assert "     100    10 |    8.0s  2.00   8.0s   100MB   20.0MB  1.00        150KB  0.58 |" in text


def test_the_check_target_is_judged_by_a_first_check_with_nothing_cached():
    def figures(cpu):
        return run.SiteFigures(cpu, cpu, 100.0, 10.0, 100.0, "vitality/", 10)

    row = run.ScaleRow(2000, "public", figures(50.0), figures(100.0), None, 0.7, 0.9, None, 2.4)
    text = run.scaling_report([row], years=5, repeat=1)
    assert ("check, first run (no readings cached; wall) 2.40 s under 2 s -> MISSED (checked "
            "before: 0.90 s CPU)") in text
