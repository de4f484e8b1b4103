#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on
# offline machines. `prisma generate` never runs it; anything that does is told
# what to use instead.
echo "Prisma's schema engine is not available here. Apply migrations with 'npm run db:migrate' and author them with 'npm run db:migration -- <name>'." >&2
exit 1
