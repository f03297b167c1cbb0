"""Scoring: grades and totals, the prediction, recommendations, plans, calibration and batches."""
