"""Renderers: findings (reporters), org charts, responsibility matrices."""
