io.write("exiting\n")
os.exit()
