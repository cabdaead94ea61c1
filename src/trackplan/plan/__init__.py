"""Reading a plan: YAML with positions, then the strict document model."""
