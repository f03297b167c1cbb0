"""Rendering results for people and programs: terminal checklist, JSON, HTML/Markdown/XLSX reports, charts."""
