"""The built-in named styles: one TOML file each, read by
refmanager.render.named_styles (this folder ships as refmanager.styles)."""
