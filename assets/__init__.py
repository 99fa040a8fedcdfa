"""The package ``chronomap.assets`` (mapped onto this folder in pyproject.toml).

It makes the folder ship inside the wheel; read its files through ``chronomap.resources.asset_path``.
"""
