"""Review before publishing: units that require it, the queue, and HR's decisions."""
