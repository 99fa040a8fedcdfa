"""The package ``chronomap.data`` (mapped onto this folder in pyproject.toml).

It makes the folder ship inside the wheel; read its files through ``chronomap.resources.data_path``.
"""
