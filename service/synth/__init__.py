"""Synthetic data at scale: `growth-atlas synth`."""
