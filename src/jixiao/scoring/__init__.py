"""Scoring: pure functions that compute scores by the rules of SPEC §1/§9 and say where reports deviate."""
