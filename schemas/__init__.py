"""The wire contract of Growth Atlas: msgspec Structs only."""
