-- An upvalue outlives its block and is shared after closing
local get, set
do
  local hidden = "initial"
  get = function() return hidden end
  set = function(v) hidden = v end
end
set("changed")
print(get())
