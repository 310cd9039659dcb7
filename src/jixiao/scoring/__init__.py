"""Scoring: pure functions that compute scores by the rules of SPEC §1/§9 and say where reports deviate.

Lifecycle modules: exante (事前评估, §5), review (目标审核, §3.5), monitoring (双监控, §4), results (结果应用, §6).
"""
