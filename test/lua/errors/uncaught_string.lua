print("before")
error("fatal problem")
print("after")
