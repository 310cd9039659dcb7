"""Pages, one module per area. Thin: read through store.access, write through store services, score and check
through the core, render Chinese templates."""
