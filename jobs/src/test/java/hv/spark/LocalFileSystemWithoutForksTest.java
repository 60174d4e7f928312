package hv.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemWithoutForksTest {

  @TempDir
  java.nio.file.Path dir;

  private static Configuration conf() {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", LocalFileSystemWithoutForks.class.getName());
    conf.set("fs.file.impl.disable.cache", "true");
    conf.set("fs.AbstractFileSystem.file.impl", LocalFileSystemWithoutForks.Fs.class.getName());
    return conf;
  }

  @Test
  void setsTheModeBitsAsChmodWould() throws Exception {
    FileSystem fs = FileSystem.get(URI.create("file:///"), conf());
    assertTrue(fs instanceof LocalFileSystemWithoutForks);
    Path file = new Path(dir.resolve("a.txt").toUri());
    fs.create(file).close();
    for (String mode : new String[] {"rw-r--r--", "rwxr-xr-x", "rw-------", "r-x-w---x"}) {
      fs.setPermission(file, FsPermission.valueOf("-" + mode));
      assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.txt"))));
    }
    Path folder = new Path(dir.resolve("x/y").toUri());
    assertTrue(fs.mkdirs(folder, new FsPermission((short) 0750)));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("x/y"))));
  }

  @Test
  void linkStatusIsHadoopsOwn() throws Exception {
    FileSystem fs = FileSystem.get(URI.create("file:///"), conf());
    Configuration plain = new Configuration(false);
    plain.set("fs.file.impl.disable.cache", "true");
    FileSystem hadoops = FileSystem.get(URI.create("file:///"), plain);
    assertFalse(hadoops instanceof LocalFileSystemWithoutForks);
    Files.writeString(dir.resolve("target.txt"), "xyz");
    Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("target.txt"));
    Files.createDirectories(dir.resolve("folder"));
    for (String name : new String[] {"target.txt", "link.txt", "folder"}) {
      Path path = new Path(dir.resolve(name).toUri());
      FileStatus ours = fs.getFileLinkStatus(path);
      FileStatus theirs = hadoops.getFileLinkStatus(path);
      assertEquals(theirs.isSymlink(), ours.isSymlink(), name);
      assertEquals(theirs.isDirectory(), ours.isDirectory(), name);
      assertEquals(theirs.getLen(), ours.getLen(), name);
      assertEquals(theirs.getPermission(), ours.getPermission(), name);
      assertEquals(theirs.getPath(), ours.getPath(), name);
    }
    assertThrows(FileNotFoundException.class,
        () -> fs.getFileLinkStatus(new Path(dir.resolve("missing").toUri())));
  }

  @Test
  void fileContextWritesAndRenamesWithoutOverwriting() throws Exception {
    // Delta's log store commits this way: a temporary file renamed into place, never over another
    FileContext fc = FileContext.getFileContext(URI.create("file:///"), conf());
    Path temp = new Path(dir.resolve(".00.json.tmp").toUri());
    Path commit = new Path(dir.resolve("00.json").toUri());
    try (FSDataOutputStream out = fc.create(temp, EnumSet.of(CreateFlag.CREATE),
        Options.CreateOpts.createParent())) {
      out.writeBytes("{}");
    }
    fc.rename(temp, commit, Options.Rename.NONE);
    assertEquals("{}", Files.readString(dir.resolve("00.json")));
    fc.create(temp, EnumSet.of(CreateFlag.CREATE)).close();
    assertThrows(FileAlreadyExistsException.class,
        () -> fc.rename(temp, commit, Options.Rename.NONE));
  }
}
