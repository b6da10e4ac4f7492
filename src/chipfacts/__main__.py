from chipfacts.cli import main

main()
