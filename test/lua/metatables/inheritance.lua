-- Class-like inheritance with __index
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
function Animal:speak() return self.name .. " makes a sound" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) return setmetatable(Animal.new(name), Dog) end
function Dog:speak() return self.name .. " barks" end
function Dog:base() return Animal.speak(self) end
local d = Dog.new("Rex")
print(d:speak(), d:base(), getmetatable(d) == Dog)
