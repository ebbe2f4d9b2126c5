"""Developer tools: translation catalogue checks and helpers."""
