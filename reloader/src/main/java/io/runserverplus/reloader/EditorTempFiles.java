package io.runserverplus.reloader;

/**
 * Files editors and tools write beside the file being saved and then delete or rename: saving
 * them would restart the app for nothing, and the reload message would name a file the user never
 * saw ({@code Detected change in '.../sedPLpLZ6'}). Checked by name only, with no pattern, since the
 * detectors ask for every new file they list.
 */
final class EditorTempFiles {

    private EditorTempFiles() {
    }

    static boolean isTemporary(String name) {
        return name.endsWith(".swp") || name.endsWith(".swo") || name.endsWith(".swx") // vim swap files
                || name.endsWith("~")                       // vim, emacs and gedit backups
                || name.startsWith(".#")                    // emacs lock files
                || name.equals("4913")                      // vim's test that it may write the directory
                || name.startsWith(".goutputstream-")       // gedit and GLib's atomic saves
                || name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___") // IntelliJ's safe write
                || isSedTemporary(name);
    }

    /** {@code sed -i} writes {@code sedXXXXXX} (six random letters or digits) and renames it over the file. */
    private static boolean isSedTemporary(String name) {
        if (name.length() != 9 || !name.startsWith("sed")) {
            return false;
        }
        for (int i = 3; i < 9; i++) {
            if (!Character.isLetterOrDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
