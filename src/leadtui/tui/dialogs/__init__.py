"""Every dialog: the modal screens, forms and prompts the screens open, and F1 help."""
