--[[ a "quoted" 'string' \n inside a comment ]]
print("ok") --[==[ ]] ]=] ]==] print("also ok")
