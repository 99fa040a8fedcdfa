from chronomap.cli import main

raise SystemExit(main())
