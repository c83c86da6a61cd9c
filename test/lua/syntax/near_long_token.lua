print("never printed")
local x = "averyveryverylongstringtoken" "another" + + ;
