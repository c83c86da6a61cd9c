local user = {name = "ann"}
print("hello " .. user.name)
print("age " .. user.age)
