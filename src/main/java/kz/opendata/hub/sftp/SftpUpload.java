package kz.opendata.hub.sftp;

/** A file to put into an agency's outbox folder on its SFTP server. */
public record SftpUpload(String agencyCode, String fileName, byte[] content) {}
