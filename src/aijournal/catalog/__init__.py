"""Loads and validates the shipped and the user's YAML: protocols, exercises, foods, targets."""
