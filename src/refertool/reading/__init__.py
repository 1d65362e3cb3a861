"""The situation reader: who did what to whom, who asks, when, what (see reading/read.py)."""
