-- Long comments and line comments
--[[ a long
comment ]] print("after long comment")
--[==[ another
]] still comment
]==] print("after level-2 comment")
-- line comment print("not printed")
print("end") -- trailing comment
--[ this is a line comment, not a long one
print("line comment with single bracket ok")
