"""The commands of `refer`, one module per command or group; `cli` builds the app from them."""
