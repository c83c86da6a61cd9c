-- An error in an unnamed coroutine.wrap function: its traceback has a [C]: ? level
print(pcall(coroutine.wrap(function() error("inside") end)))
coroutine.wrap(function() error("in co") end)()
