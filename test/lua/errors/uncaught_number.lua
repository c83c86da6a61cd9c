-- A number error value is converted to a string message
error(42)
