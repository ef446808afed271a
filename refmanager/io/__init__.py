"""Reading and writing bibliography files: one module per format."""
