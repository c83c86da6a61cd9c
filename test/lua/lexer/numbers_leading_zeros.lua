-- Leading zeros are decimal, not octal
print(010, 0010.5, 00, 0e0, 0x010)
