print("never printed")
do ; end
