print("winnow-bench: not yet")
