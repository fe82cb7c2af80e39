"""The bundled files are found wherever the package is installed (a wheel puts them inside it)."""

from itacheck.locations import data_files_dir, fonts_dir


def test_bundled_data_and_fonts_are_found():
    assert (data_files_dir() / "sample-2566.toml").is_file()
    assert (data_files_dir() / "catalogue.toml").is_file()
    assert (fonts_dir() / "Sarabun-Regular.ttf").is_file()
    assert (fonts_dir() / "Sarabun-Bold.ttf").is_file()
    assert (fonts_dir() / "OFL.txt").read_text(encoding="utf-8").find("SIL Open Font License") >= 0
