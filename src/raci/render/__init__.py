"""Renderers: findings, org charts, matrices, reports."""
