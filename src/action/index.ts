// Entry point: being written (placeholder so the bundle builds).
