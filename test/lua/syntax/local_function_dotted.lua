print("never printed")
local function a.b() end
