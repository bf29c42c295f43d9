package dev.sweep.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file cannot be read or written, in words: the JDK's exceptions often carry only the path again
 * ({@code NoSuchFileException: x.swr}).
 */
final class FileErrors {

    private FileErrors() {
    }

    /** The reason {@code file} failed with {@code e}, e.g. "no such file" or "No space left on device". */
    static String reason(Path file, IOException e) {
        if (Files.isDirectory(file)) {
            return "it is a folder";
        }
        if (e instanceof NoSuchFileException) {
            Path folder = file.toAbsolutePath().getParent();
            return folder != null && !Files.isDirectory(folder)
                    ? "the folder " + (file.getParent() == null ? folder : file.getParent()) + " does not exist"
                    : "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
