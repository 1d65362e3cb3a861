from refertool.cli import main

main()
