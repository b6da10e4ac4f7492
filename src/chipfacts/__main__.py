from chipfacts.entry import main

main()
