"""The before/after picture of a restructuring."""
