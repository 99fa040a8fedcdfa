"""The desk explorer: the window a curator or researcher explores an exhibit in."""
