-- How require fails: what it searched, modules that do not compile or raise errors, cycles.
package.path = "test/lua/package/modules/?.luamod;;;test/lua/package/modules/?/init.luamod"
package.cpath = "test/lua/package/modules/?.so;/nonexistent/lib/?/core.so"

print(pcall(require, "no.such.module"))

print(pcall(require, "broken"))

-- A module that raises an error stays marked as "being loaded".
print(pcall(require, "failing"))
print(pcall(require, "failing"))
print(pcall(function() return require("failing") end))

-- A cycle: cycle_b requires cycle_a while cycle_a is still loading.
print(require("cycle_a"), package.loaded.cycle_b)

-- Bad arguments and bad package fields.
print(pcall(require))
print(pcall(require, {}))
local path = package.path
package.path = false
print(pcall(require, "x"))
package.path = path
local preload = package.preload
package.preload = "nope"
print(pcall(require, "x"))
package.preload = preload

-- Uncaught: the message is positioned at the call.
require("still.missing")
