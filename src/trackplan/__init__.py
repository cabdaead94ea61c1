"""trackplan: tracking plan as code."""
