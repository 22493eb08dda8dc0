// Runs Mintlify's prebuild in strict mode (what `mint validate` runs) on one site folder:
//
//   node prebuild.mjs SITE_DIR        (with a scratch folder as the working directory)
//
// Prebuild writes its output (src/_props/<page>.mdx with snippets inlined, public/, ...) into
// the working directory, and after a failure some of its writes are still in flight. Running it
// in its own process, inside the scratch folder, keeps those writes there. Exit status 1 and the
// warnings/error on stdout/stderr on failure.
import { prebuild } from '@mintlify/prebuild';

try {
  await prebuild(process.argv[2], { strict: true, skipStaticFiles: true });
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
