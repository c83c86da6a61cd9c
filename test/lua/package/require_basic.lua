-- require through package.path: caching, results, dotted names, ?/init templates.
package.path = "test/lua/package/modules/?.luamod;test/lua/package/modules/?/init.luamod"

local counter = require("counter")
print(counter.name(), counter.loads())
print(require("counter") == counter, package.loaded.counter == counter, counter.loads())

-- A module that returns nothing gets true, and ran with its name as the only argument.
print(require("silent"), package.loaded.silent, silent_ran)

-- false is stored, but a false entry does not count as loaded.
print(require("falsy"), package.loaded.falsy, falsy_runs)
print(require("falsy"), falsy_runs)

-- Dotted names become directories; ?/init.luamod finds a package's init file.
local shapes = require("shapes")
print(shapes.kind, shapes.name)
local circle = require("shapes.circle")
print(string.format("%.4f", circle.area(2)))
print(circle.info())
print(shapes.circle == nil, package.loaded["shapes.circle"] == circle)

-- Clearing package.loaded forces a reload.
package.loaded.counter = nil
local again = require("counter")
print(again == counter, again.loads())

-- require takes a number as a string, and returns exactly one value.
package.preload["42"] = function(name) return "preloaded " .. type(name) end
print(require(42), select("#", require("counter")))
